/**
 * Sets an own property even for names like `__proto__`: aggregation and filter names are caller
 * strings, and a plain assignment would change the object's prototype instead of adding a key.
 */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

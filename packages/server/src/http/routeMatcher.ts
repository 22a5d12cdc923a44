/**
 * Matches a request path against the route table (DESIGN §1.1). Paths are exact and
 * case-sensitive; one trailing slash matches its row; `:name` segments capture one non-empty
 * segment. HEAD is served by the GET row.
 */
import type { Route } from '../app/types';

export interface CompiledRoute {
  readonly route: Route;
  readonly template: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

export type RouteMatch =
  | {
      readonly kind: 'found';
      readonly route: Route;
      readonly template: string;
      readonly params: Record<string, string>;
    }
  | {
      readonly kind: 'method';
      readonly route: Route;
      readonly template: string;
      readonly params: Record<string, string>;
      readonly allow: readonly string[];
    }
  | { readonly kind: 'none' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileRoutes(routes: readonly Route[]): readonly CompiledRoute[] {
  return routes.flatMap((route) =>
    route.paths.map((template) => {
      const names: string[] = [];
      const body = template
        .replace(/\/+$/, '')
        .split('/')
        .map((seg) => {
          if (seg.startsWith(':')) {
            names.push(seg.slice(1));
            return '([^/]+)';
          }
          return escape(seg);
        })
        .join('/');
      return { route, template, pattern: new RegExp(`^${body}/?$`), names };
    }),
  );
}

function allowOf(methods: Iterable<string>): string[] {
  const set = new Set(methods);
  if (set.has('GET')) set.add('HEAD');
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
  return order.filter((m) => set.has(m));
}

export function matchRoute(
  compiled: readonly CompiledRoute[],
  method: string,
  path: string,
): RouteMatch {
  const wanted = method === 'HEAD' ? 'GET' : method;
  let first: { c: CompiledRoute; params: Record<string, string> } | undefined;
  const methods: string[] = [];
  for (const c of compiled) {
    const m = c.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    c.names.forEach((name, i) => {
      params[name] = safeDecode(m[i + 1] ?? '');
    });
    if (c.route.method === wanted)
      return { kind: 'found', route: c.route, template: c.template, params };
    first ??= { c, params };
    methods.push(c.route.method);
  }
  if (!first) return { kind: 'none' };
  return {
    kind: 'method',
    route: first.c.route,
    template: first.c.template,
    params: first.params,
    allow: allowOf(methods),
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

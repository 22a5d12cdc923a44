import { InvalidArgumentError } from 'commander';

export function parsePort(value: string): number {
  if (!/^[0-9]{1,5}$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError('a port is a number from 0 to 65535');
  }
  return Number(value);
}

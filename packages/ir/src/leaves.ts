/**
 * Walks a predicate tree. `leaves` yields every cmp/in/text/exists/json node with its JSON-pointer
 * style path (for error messages); the tests of a `json` node are yielded with `inJson: true`.
 */
import type { Cmp, Exists, In, Json, Predicate, Text } from './types';

export type Leaf = Cmp | In | Text | Exists | Json;

export interface LeafAt {
  readonly leaf: Leaf;
  readonly path: string;
  /** inside the `test` of a json predicate, where the only field is `$` */
  readonly inJson: boolean;
}

export function* leaves(p: Predicate, path = '', inJson = false): Generator<LeafAt> {
  switch (p.op) {
    case 'all':
    case 'none':
      return;
    case 'and':
    case 'or':
      for (const [i, q] of p.of.entries()) yield* leaves(q, `${path}/of/${i}`, inJson);
      return;
    case 'not':
      yield* leaves(p.of, `${path}/of`, inJson);
      return;
    case 'json':
      yield { leaf: p, path, inJson };
      yield* leaves(p.test, `${path}/test`, true);
      return;
    case 'cmp':
    case 'in':
    case 'text':
    case 'exists':
      yield { leaf: p, path, inJson };
      return;
  }
}

/** Nodes and depth of a predicate, for the structural caps of `checkFields`. */
export function predicateSize(p: Predicate): { nodes: number; depth: number } {
  switch (p.op) {
    case 'and':
    case 'or': {
      let nodes = 1;
      let depth = 0;
      for (const q of p.of) {
        const s = predicateSize(q);
        nodes += s.nodes;
        depth = Math.max(depth, s.depth);
      }
      return { nodes, depth: depth + 1 };
    }
    case 'not': {
      const s = predicateSize(p.of);
      return { nodes: s.nodes + 1, depth: s.depth + 1 };
    }
    case 'json': {
      const s = predicateSize(p.test);
      return { nodes: s.nodes + 1, depth: s.depth + 1 };
    }
    case 'in':
      return { nodes: 1 + p.values.length, depth: 1 };
    case 'all':
    case 'none':
    case 'cmp':
    case 'text':
    case 'exists':
      return { nodes: 1, depth: 1 };
  }
}

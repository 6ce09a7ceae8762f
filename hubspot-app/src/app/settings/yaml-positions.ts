// Where each path of the admin's YAML sits, read from js-yaml's parse events (the values js-yaml
// returns carry no positions): a mapping entry at its key, a list entry where it starts. The core's
// locateIssues turns these into the line and column of every issue.
import { load, type LoadState } from 'js-yaml';
import { positionAt, type PositionOf } from '@handoff/shared/runtime';

interface Node {
  start: number;
  kind?: LoadState['kind'];
  value?: unknown;
  /** A mapping's keys and values alternate; a list's are its entries; a scalar's are parse attempts. */
  children: Node[];
}

export function loadWithPositions(text: string): { data: unknown; positionOf: PositionOf } {
  const root: Node = { start: 0, children: [] };
  const open: Node[] = [root];
  const data = load(text, {
    listener(event, state) {
      if (event === 'open') {
        const node: Node = { start: state.position, children: [] };
        open[open.length - 1]?.children.push(node);
        open.push(node);
      } else {
        const node = open.pop();
        if (node) {
          node.kind = state.kind;
          if (state.kind === 'scalar') node.value = state.result;
        }
      }
    },
  });
  const toPosition = positionAt(text);
  const positionOf: PositionOf = (path) => {
    let node = root.children[0];
    let offset = node?.start;
    for (const segment of path) {
      if (node?.kind === 'mapping') {
        const k = node.children.findIndex(
          (child, i) => i % 2 === 0 && String(child.value) === String(segment),
        );
        if (k < 0) return undefined;
        offset = node.children[k]?.start;
        node = node.children[k + 1];
      } else if (node?.kind === 'sequence' && typeof segment === 'number') {
        node = node.children[segment];
        offset = node?.start;
      } else return undefined;
    }
    return offset === undefined ? undefined : toPosition(offset);
  };
  return { data, positionOf };
}

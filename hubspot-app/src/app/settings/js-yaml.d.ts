// The one function the settings page uses from js-yaml 4 (which ships no types), with the parse
// events its listener option reports (read by yaml-positions.ts).
declare module 'js-yaml' {
  export interface LoadState {
    /** Offset in the text where the node opens, or where it ended on `close`. */
    position: number;
    /** On `close`: what the node turned out to be, and its value. */
    kind: 'scalar' | 'sequence' | 'mapping' | null;
    result: unknown;
  }
  export function load(
    text: string,
    options?: {
      filename?: string;
      json?: boolean;
      listener?: (event: 'open' | 'close', state: LoadState) => void;
    },
  ): unknown;
  /** What `load` throws: `mark` is 0-based. */
  export interface YAMLException extends Error {
    reason?: string;
    mark?: { line: number; column: number; position: number };
  }
}

// The one function the settings page uses from js-yaml 4 (which ships no types).
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string; json?: boolean }): unknown;
}

// The package's components, as the frame's build (sandbox/server/lwc-bundle.ts) provides them.
declare module 'handoff-sf:components' {
  export const HandoffPanel: unknown;
  export const HandoffAdmin: unknown;
  export const HandoffQueue: unknown;
}

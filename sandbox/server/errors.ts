/** A problem the person starting the sandbox can fix, told in one sentence (no stack trace). */
export class SandboxError extends Error {}

// Runs a start command as a person does in a terminal: in its own process group (Ctrl-C reaches
// npm and the server alike), waiting for the line that prints the sandbox's address.
import { spawn } from 'node:child_process';

export interface StartedCommand {
  url: string;
  /** Sends Ctrl-C to the whole process group and answers how the command ended. */
  interrupt(): Promise<{ code: number | null; signal: string | null }>;
}

const READY = /Handoff sandbox .*ready in [\d.]+ s: (http:\/\/127\.0\.0\.1:\d+)/;

export async function startCommand(
  command: string,
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<StartedCommand> {
  const child = spawn('sh', ['-c', command], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = READY.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    void exited.then(() =>
      reject(new Error(`\`${command}\` exited early:\n${output.slice(-4000)}`)),
    );
  });
  return {
    url,
    interrupt: () => {
      process.kill(-(child.pid ?? 0), 'SIGINT');
      return exited;
    },
  };
}

/** The environment of a person's shell: none of the variables npm and vitest add for a test run. */
export function personEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|NODE_ENV$|INIT_CWD$)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

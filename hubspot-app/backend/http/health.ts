// What an orchestrator asks besides /healthz (server.ts: the process is alive, and it stays so while
// the database is down, so no restart is forced by someone else's outage): /readyz, can it serve —
// store reachable, migrations current, token key loaded — else 503 with a sentence per unmet check.
import type { FastifyInstance } from 'fastify';

/** Each check answers a sentence when it is not met, or undefined. */
export type ReadinessCheck = () => Promise<string | undefined>;

export function registerReadiness(
  app: FastifyInstance,
  checks: Record<string, ReadinessCheck>,
): void {
  app.get('/readyz', async (_request, reply) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          return [name, await check()] as const;
        } catch (error) {
          return [name, `The ${name} check failed (${(error as Error).message}).`] as const;
        }
      }),
    );
    const problems = results.filter(([, problem]) => problem !== undefined);
    if (problems.length === 0)
      return { ready: true, checks: Object.fromEntries(results.map(([name]) => [name, 'ok'])) };
    return reply.status(503).send({
      ready: false,
      checks: Object.fromEntries(results.map(([name, problem]) => [name, problem ?? 'ok'])),
      message: problems.map(([, problem]) => problem).join(' '),
    });
  });
}

/** Settles with the promise, or rejects after `ms` (a readiness probe must answer, not hang). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

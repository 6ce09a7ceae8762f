// Structured JSON logs without tokens or personal data: requests are logged by method and path only
// (hubspot.fetch puts the user's email in the query string), and secrets are redacted wherever they appear.
import pino, { type Logger } from 'pino';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'accessToken',
          'refreshToken',
          'token',
          '*.accessToken',
          '*.refreshToken',
          'headers.authorization',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    },
    destination,
  );
}

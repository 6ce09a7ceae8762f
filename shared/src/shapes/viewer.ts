import * as z from 'zod/mini';

/** The person looking or acting. Roles are resolved on the server from the CRM, never taken from a client. */
export const ViewerSchema = z.object({
  userId: z.string().check(z.minLength(1)),
  roles: z.array(z.string()),
});
export type Viewer = z.infer<typeof ViewerSchema>;

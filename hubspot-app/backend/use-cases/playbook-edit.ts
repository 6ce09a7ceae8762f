// A form's change to the playbook, written into the admin's text by the core (the yaml library
// keeps their comments and layout) and checked; nothing is saved: the page shows the new text and
// the admin saves it as any other edit. Admins only, as saving is.
import {
  editPlaybookText,
  PlaybookEditError,
  PlaybookEditSchema,
  PlaybookUpdateSchema,
  type PlaybookEdited,
} from '@handoff/shared';
import type { Deps } from '../deps.js';
import { requireRole } from './access.js';
import { requireCrm, type Caller } from './context.js';
import { UseCaseError } from './errors.js';

export async function editPlaybook(
  deps: Deps,
  caller: Caller,
  body: unknown,
): Promise<PlaybookEdited> {
  await requireCrm(deps, caller.portalId);
  await requireRole(deps, caller, 'change the playbook', ['admin']);
  const { text, edit } = (body ?? {}) as { text?: unknown; edit?: unknown };
  const parsedText = PlaybookUpdateSchema.safeParse({ text });
  if (!parsedText.success)
    throw new UseCaseError(400, 'bad_request', 'Send { "text": "<the playbook>", "edit": { … } }.');
  const parsedEdit = PlaybookEditSchema.safeParse(edit);
  if (!parsedEdit.success)
    throw new UseCaseError(
      400,
      'bad_request',
      'The form sent a change this playbook cannot take: reload the page and try again.',
    );
  try {
    const edited = editPlaybookText(parsedText.data.text, parsedEdit.data);
    return { text: edited.text, issues: edited.result.ok ? [] : edited.result.issues };
  } catch (error) {
    if (error instanceof PlaybookEditError)
      throw new UseCaseError(422, 'bad_request', error.message);
    throw error;
  }
}

// The receiving side's actions: Accept (optionally naming the CSM who takes the customer) and
// Reject (a reason from the playbook's list and a comment, in a modal). Shown only when the view
// says the viewer may take them.
import { useState } from 'react';
import {
  Button,
  Flex,
  Modal,
  ModalBody,
  ModalFooter,
  Select,
  TextArea,
} from '@hubspot/ui-extensions';
import type { HandoffView } from '@handoff/shared/runtime';

export interface Assignee {
  id: string;
  label: string;
}

/** The picker's words: a deal's accept names the CSM, a contact's its sales owner. */
export interface AssigneeChoice {
  label: string;
  none: string;
}

export function ReviewActions(props: {
  handoff: HandoffView;
  canAccept: boolean;
  canReject: boolean;
  /** The core's words for the two buttons (the panel shows the same). */
  acceptLabel: string;
  rejectLabel: string;
  busy: boolean;
  assignees: Assignee[];
  /** What the optional person picked on accept becomes, in words for this record. */
  assigneeChoice: AssigneeChoice;
  onAccept: (assigneeId: string | undefined) => void;
  onReject: (reason: string, comment: string | undefined) => void;
}) {
  const [assignee, setAssignee] = useState<string>('');
  const [reason, setReason] = useState<string>('');
  const [comment, setComment] = useState<string>('');
  const modalId = `reject-${props.handoff.id}`;
  return (
    <Flex direction="row" gap="sm" align="end" wrap="wrap">
      {props.canAccept && props.assignees.length > 0 && (
        <Select
          label={props.assigneeChoice.label}
          name="assignee"
          value={assignee}
          options={[
            { label: props.assigneeChoice.none, value: '' },
            ...props.assignees.map((a) => ({ label: a.label, value: a.id })),
          ]}
          onChange={(value) => setAssignee(String(value))}
          testId={`${props.handoff.id}:assignee`}
        />
      )}
      {props.canAccept && (
        <Button
          variant="primary"
          disabled={props.busy}
          testId={`${props.handoff.id}:accept`}
          onClick={() => props.onAccept(assignee === '' ? undefined : assignee)}
        >
          {props.acceptLabel}
        </Button>
      )}
      {props.canReject && (
        <Button
          variant="destructive"
          disabled={props.busy}
          testId={`${props.handoff.id}:reject`}
          overlay={
            <Modal id={modalId} title={`Reject ${props.handoff.label}`} width="md" variant="danger">
              <ModalBody>
                <Select
                  label="Reason"
                  name="reason"
                  required
                  value={reason}
                  options={props.handoff.rejectReasons.map((r) => ({
                    label: r.label,
                    value: r.id,
                  }))}
                  onChange={(value) => setReason(String(value))}
                  testId={`${props.handoff.id}:reject-reason`}
                />
                <TextArea
                  label="Comment for the submitter"
                  name="comment"
                  maxLength={2000}
                  value={comment}
                  onInput={setComment}
                  onChange={setComment}
                  testId={`${props.handoff.id}:reject-comment`}
                />
              </ModalBody>
              <ModalFooter>
                <Button
                  variant="destructive"
                  disabled={reason === '' || props.busy}
                  testId={`${props.handoff.id}:confirm-reject`}
                  onClick={(_event, reactions) => {
                    props.onReject(reason, comment.trim() === '' ? undefined : comment.trim());
                    // The test renderer passes no reactions; HubSpot always does.
                    reactions?.closeModal(modalId);
                  }}
                >
                  Reject handoff
                </Button>
              </ModalFooter>
            </Modal>
          }
        >
          {props.rejectLabel}
        </Button>
      )}
    </Flex>
  );
}

// The next-step strip at the top of the record card: whose move it is, what it is, by when, and the
// viewer's one main button (none for a move made in HubSpot itself, such as logging a call) — the
// same words the Salesforce panel shows (the core's recordDisplay).
import { Button, Flex, StatusTag, Text, Tile } from '@hubspot/ui-extensions';
import type { NextStepDisplay } from '@handoff/shared/runtime';
import { variantOf } from './format.js';

export type NextCommand = { type: 'submit' } | { type: 'accept' } | { type: 'reopen' };

export function NextStep(props: {
  step: NextStepDisplay | null;
  /** The record in words: deal, contact or company. */
  noun: string;
  /** Whether any handoff is listed below: when none is, the strip says so instead. */
  open: boolean;
  busy: boolean;
  onCommand: (handoffId: string, command: NextCommand) => void;
}) {
  const { step } = props;
  if (!step) {
    return (
      <Text variant="microcopy" testId="next-step-none">
        {props.open
          ? `Nobody needs to act on a handoff of this ${props.noun} right now.`
          : `No handoff is open for this ${props.noun} at its stage.`}
      </Text>
    );
  }
  const { action, handoffId } = step;
  return (
    <Tile compact testId="next-step">
      <Flex direction="column" gap="xs">
        <Flex direction="row" gap="sm" align="center" wrap="wrap">
          <Text format={{ fontWeight: 'bold' }} testId="next-step-whose">
            {step.whose}
          </Text>
          {step.stateLabel && (
            <StatusTag variant={variantOf(step.tone)} testId="next-step-state">
              {step.stateLabel}
            </StatusTag>
          )}
          {step.when && <Text testId="next-step-when">{step.when}</Text>}
        </Flex>
        <Text testId="next-step-what">{step.what}</Text>
        {action &&
          handoffId !== undefined &&
          (action.type === 'submit' || action.type === 'accept' || action.type === 'reopen') && (
            <Flex direction="row" gap="sm" align="center" wrap="wrap">
              <Button
                variant={action.emphasis === 'primary' ? 'primary' : 'secondary'}
                disabled={action.disabled || props.busy}
                testId="next-step-action"
                onClick={() => props.onCommand(handoffId, { type: action.type } as NextCommand)}
              >
                {action.label}
              </Button>
              {action.reason && (
                <Text variant="microcopy" testId="next-step-reason">
                  {action.reason}
                </Text>
              )}
            </Flex>
          )}
      </Flex>
    </Tile>
  );
}

// One SLA's target, calendar and escalations as a form (see PlaybookForms).
import { useState } from 'react';
import { Button, Flex, NumberInput, Select, Text } from '@hubspot/ui-extensions';
import type { BusinessDuration, EscalationDef, SlaDef } from '@handoff/shared/runtime';
import type { FormProps } from './PlaybookForms.js';

const UNITS: { label: string; value: BusinessDuration['unit'] }[] = [
  { label: 'Business hours', value: 'business_hours' },
  { label: 'Business days', value: 'business_days' },
  { label: 'Business minutes', value: 'business_minutes' },
  { label: 'Hours around the clock', value: 'calendar_hours' },
];
const NO_CALENDAR = '';
const WAITS_ON = '';

export function SlaForm({ playbook, busy, apply }: FormProps) {
  const [slaId, setSlaId] = useState(playbook.slas[0]?.id ?? '');
  const sla = playbook.slas.find((s) => s.id === slaId);
  if (!sla) return <Text>The playbook has no SLA yet: add one in the text.</Text>;
  return (
    <Flex direction="column" gap="sm">
      <Select
        label="SLA"
        name="form-sla"
        value={sla.id}
        options={playbook.slas.map((s) => ({ label: s.label, value: s.id }))}
        onChange={(value) => setSlaId(String(value))}
        testId="form-sla-pick"
      />
      {/* Keyed by SLA: picking another one starts from its own settings. */}
      <SlaSettings key={sla.id} sla={sla} playbook={playbook} busy={busy} apply={apply} />
    </Flex>
  );
}

function SlaSettings({ sla, playbook, busy, apply }: FormProps & { sla: SlaDef }) {
  const [unit, setUnit] = useState<BusinessDuration['unit']>(sla.target.unit);
  const [amount, setAmount] = useState<number>(sla.target.amount);
  const [mode, setMode] = useState<'elapsed' | 'end_of_day'>(
    'mode' in sla.target ? sla.target.mode : 'elapsed',
  );
  const [calendar, setCalendar] = useState(sla.calendar ?? NO_CALENDAR);
  const [escalations, setEscalations] = useState<EscalationDef[]>(sla.escalations);
  const target: BusinessDuration =
    unit === 'business_days' ? { unit, amount, mode } : { unit, amount };
  const amountOk = Number.isFinite(amount) && amount > 0;
  const calendars = Object.keys(playbook.calendars);

  const applyTarget = () =>
    apply(
      [
        { kind: 'sla_target', sla: sla.id, target },
        ...(calendar === (sla.calendar ?? NO_CALENDAR)
          ? []
          : [
              calendar === NO_CALENDAR
                ? ({ kind: 'sla_calendar', sla: sla.id } as const)
                : ({ kind: 'sla_calendar', sla: sla.id, calendar } as const),
            ]),
      ],
      `${sla.label}: target and calendar`,
    );

  const targets = [
    { label: 'Whoever the SLA waits on', value: WAITS_ON },
    { label: 'The record owner', value: 'owner' },
    ...Object.entries(playbook.roles).map(([id, role]) => ({
      label: `Role: ${role.label}`,
      value: `role:${id}`,
    })),
  ];
  const setRow = (i: number, row: EscalationDef) =>
    setEscalations(escalations.map((e, n) => (n === i ? row : e)));

  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" wrap="wrap">
        <NumberInput
          label="Target"
          name="form-sla-amount"
          value={amount}
          min={0}
          onChange={(value) => setAmount(value)}
          error={!amountOk}
          {...(amountOk ? {} : { validationMessage: 'Write a number above 0.' })}
          testId="form-sla-amount"
        />
        <Select
          label="Counted in"
          name="form-sla-unit"
          value={unit}
          options={UNITS}
          onChange={(value) => setUnit(value as BusinessDuration['unit'])}
          testId="form-sla-unit"
        />
        {unit === 'business_days' && (
          <Select
            label="A day ends"
            name="form-sla-mode"
            value={mode}
            options={[
              { label: 'After a full business day of hours', value: 'elapsed' },
              { label: 'At the close of business', value: 'end_of_day' },
            ]}
            onChange={(value) => setMode(value as 'elapsed' | 'end_of_day')}
            testId="form-sla-mode"
          />
        )}
        <Select
          label="Business calendar"
          name="form-sla-calendar"
          value={calendar}
          options={[
            { label: 'None (around the clock)', value: NO_CALENDAR },
            ...calendars.map((id) => ({ label: id, value: id })),
          ]}
          onChange={(value) => setCalendar(String(value))}
          testId="form-sla-calendar"
        />
      </Flex>
      <Button
        disabled={busy || !amountOk}
        onClick={() => void applyTarget()}
        testId="form-sla-apply"
      >
        Write target and calendar
      </Button>
      <Text format={{ fontWeight: 'demibold' }}>Escalations</Text>
      {escalations.length === 0 && <Text variant="microcopy">No escalation: nobody is told.</Text>}
      {escalations.map((row, i) => (
        <Flex key={i} direction="row" gap="sm" align="end" wrap="wrap">
          <Select
            label={`Escalation ${i + 1}: when the timer is`}
            name={`form-esc-when-${i}`}
            value={row.when}
            options={[
              { label: 'At risk', value: 'at_risk' },
              { label: 'Breached', value: 'breached' },
            ]}
            onChange={(value) => {
              // A wait after the breach only applies to `breached`.
              const rest = without(row, 'after');
              setRow(
                i,
                value === 'breached' ? { ...row, when: 'breached' } : { ...rest, when: 'at_risk' },
              );
            }}
            testId={`form-esc-when-${i}`}
          />
          {typeof row.to === 'object' && 'user' in row.to ? (
            <Text variant="microcopy">{`To user ${row.to.user} (change it in the text)`}</Text>
          ) : (
            <Select
              label="Tell"
              name={`form-esc-to-${i}`}
              value={
                row.to === undefined
                  ? WAITS_ON
                  : row.to === 'owner'
                    ? 'owner'
                    : `role:${row.to.role}`
              }
              options={targets}
              onChange={(value) => {
                const rest = without(row, 'to');
                const picked = String(value);
                setRow(
                  i,
                  picked === WAITS_ON
                    ? rest
                    : picked === 'owner'
                      ? { ...rest, to: 'owner' }
                      : { ...rest, to: { role: picked.slice('role:'.length) } },
                );
              }}
              testId={`form-esc-to-${i}`}
            />
          )}
          <Select
            label="By"
            name={`form-esc-action-${i}`}
            value={row.action}
            options={[
              { label: 'A task', value: 'task' },
              { label: 'A note', value: 'note' },
              ...(row.action === 'reassign'
                ? [{ label: 'Reassigning the record', value: 'reassign' }]
                : []),
            ]}
            onChange={(value) => setRow(i, { ...row, action: value as EscalationDef['action'] })}
            testId={`form-esc-action-${i}`}
          />
          {row.after && (
            <Text variant="microcopy">{`then waits ${row.after.amount} ${row.after.unit.replace('_', ' ')} (change it in the text)`}</Text>
          )}
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setEscalations(escalations.filter((_, n) => n !== i))}
            testId={`form-esc-remove-${i}`}
          >
            {`Remove escalation ${i + 1}`}
          </Button>
        </Flex>
      ))}
      <Flex direction="row" gap="sm">
        <Button
          variant="secondary"
          onClick={() => setEscalations([...escalations, { when: 'at_risk', action: 'task' }])}
          testId="form-esc-add"
        >
          Add an escalation
        </Button>
        <Button
          disabled={busy}
          onClick={() =>
            void apply(
              [{ kind: 'sla_escalations', sla: sla.id, escalations }],
              `${sla.label}: escalations`,
            )
          }
          testId="form-esc-apply"
        >
          Write escalations
        </Button>
      </Flex>
    </Flex>
  );
}

function without(row: EscalationDef, key: 'after' | 'to'): EscalationDef {
  const copy = { ...row };
  delete copy[key];
  return copy;
}

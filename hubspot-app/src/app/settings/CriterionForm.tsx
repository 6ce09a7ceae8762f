// One stage criterion on one field, new or changed in place, as a form (see PlaybookForms). Same
// fields and words as the Salesforce admin panel's form; a rule that combines others or reads a
// handoff keeps its rule (the form changes its label and severity; the rule is changed in the text).
import { useState } from 'react';
import { Button, Flex, Input, Select, Text } from '@hubspot/ui-extensions';
import type { CriterionDef } from '@handoff/shared/runtime';
import type { FormProps } from './PlaybookForms.js';
import { ID, NEW } from './ChecklistItemForm.js';

type Side = 'entry' | 'exit';
const OPS = [
  { label: 'is filled in', value: 'present' },
  { label: 'is empty', value: 'absent' },
  { label: 'equals', value: 'eq' },
  { label: 'is not', value: 'neq' },
  { label: 'is more than', value: 'gt' },
  { label: 'is at least', value: 'gte' },
  { label: 'is less than', value: 'lt' },
  { label: 'is at most', value: 'lte' },
  { label: 'contains', value: 'contains' },
] as const;
type Op = (typeof OPS)[number]['value'];

export function CriterionForm({ playbook, busy, apply }: FormProps) {
  const [stageId, setStageId] = useState(playbook.stages[0]?.id ?? '');
  const [side, setSide] = useState<Side>('exit');
  const [criterionId, setCriterionId] = useState(NEW);
  const stage = playbook.stages.find((s) => s.id === stageId);
  if (!stage) return null;
  const existing = stage[side].find((c) => c.id === criterionId);
  return (
    <Flex direction="column" gap="sm">
      <Select
        label="Stage"
        name="form-stage"
        value={stageId}
        options={playbook.stages.map((s) => ({ label: s.label, value: s.id }))}
        onChange={(value) => {
          setStageId(String(value));
          setCriterionId(NEW);
        }}
        testId="form-criterion-stage"
      />
      <Select
        label="Must hold to"
        name="form-criterion-side"
        value={side}
        options={[
          { label: 'Leave the stage', value: 'exit' },
          { label: 'Enter the stage', value: 'entry' },
        ]}
        onChange={(value) => {
          setSide(value as Side);
          setCriterionId(NEW);
        }}
        testId="form-criterion-side"
      />
      <Select
        label="Criterion"
        name="form-criterion"
        value={criterionId}
        options={[
          { label: 'A new criterion', value: NEW },
          ...stage[side].map((c) => ({ label: c.label, value: c.id })),
        ]}
        onChange={(value) => setCriterionId(String(value))}
        testId="form-criterion-pick"
      />
      {/* Keyed by criterion: picking another one starts from its own settings. */}
      <CriterionSettings
        key={`${stageId}/${side}/${criterionId}`}
        start={existing}
        fields={playbook.fields}
        busy={busy}
        write={(criterion) =>
          apply(
            [{ kind: 'stage_criterion', stage: stageId, side, criterion }],
            `Criterion ${criterion.label}`,
          )
        }
      />
    </Flex>
  );
}

function CriterionSettings(props: {
  start: CriterionDef | undefined;
  fields: FormProps['playbook']['fields'];
  busy: boolean;
  write: (criterion: CriterionDef) => Promise<void>;
}) {
  const { start, fields } = props;
  const rule = start?.rule as { op: string; field?: string; value?: unknown } | undefined;
  const onField = !rule || OPS.some((o) => o.value === rule.op);
  const [id, setId] = useState(start?.id ?? '');
  const [label, setLabel] = useState(start?.label ?? '');
  const [severity, setSeverity] = useState(start?.severity ?? 'block');
  const [field, setField] = useState(rule?.field ?? Object.keys(fields)[0] ?? '');
  const [op, setOp] = useState<Op>(onField && rule ? (rule.op as Op) : 'present');
  const [value, setValue] = useState(rule?.value === undefined ? '' : String(rule.value));
  const needsValue = op !== 'present' && op !== 'absent';
  const type = fields[field]?.type;
  const typed = type === 'number' ? Number(value) : type === 'boolean' ? value === 'true' : value;
  const newRule = needsValue ? { op, field, value: typed } : { op, field };
  const idOk = ID.test(id);
  return (
    <Flex direction="column" gap="sm">
      {!start && (
        <Input
          label="Id (lower case, digits, _)"
          name="form-criterion-id"
          value={id}
          error={id !== '' && !idOk}
          validationMessage={id !== '' && !idOk ? 'Start with a letter: a–z, 0–9, _.' : ''}
          onInput={setId}
          testId="form-criterion-id"
        />
      )}
      <Input
        label="Label"
        name="form-criterion-label"
        value={label}
        onInput={setLabel}
        testId="form-criterion-label"
      />
      <Select
        label="When it fails"
        name="form-criterion-severity"
        value={severity}
        options={[
          { label: 'Block the move', value: 'block' },
          { label: 'Warn only', value: 'warn' },
        ]}
        onChange={(v) => setSeverity(v as CriterionDef['severity'])}
        testId="form-criterion-severity"
      />
      {onField ? (
        <>
          <Select
            label="Field"
            name="form-rule-field"
            value={field}
            options={Object.entries(fields).map(([key, f]) => ({ label: f.label, value: key }))}
            onChange={(v) => setField(String(v))}
            testId="form-rule-field"
          />
          <Select
            label="Test"
            name="form-rule-op"
            value={op}
            options={[...OPS]}
            onChange={(v) => setOp(v as Op)}
            testId="form-rule-op"
          />
          {needsValue && (
            <Input
              label="Value"
              name="form-rule-value"
              value={value}
              onInput={setValue}
              testId="form-rule-value"
            />
          )}
        </>
      ) : (
        <Text testId="form-rule-kept">This rule is not on one field: change it in the text.</Text>
      )}
      <Button
        disabled={
          props.busy || !idOk || label.trim() === '' || (onField && needsValue && value === '')
        }
        onClick={() =>
          void props.write({
            id,
            label,
            severity,
            rule: onField || !start ? (newRule as CriterionDef['rule']) : start.rule,
          })
        }
        testId="form-criterion-apply"
      >
        Write criterion
      </Button>
    </Flex>
  );
}

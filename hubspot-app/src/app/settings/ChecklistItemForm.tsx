// One checklist item, new or changed in place, as a form (see PlaybookForms). Same fields and words
// as the Salesforce admin panel's form; settings the form does not show (help, a mirrored field)
// are kept as they are.
import { useState } from 'react';
import { Button, Checkbox, Flex, Input, Select } from '@hubspot/ui-extensions';
import type { ChecklistItemDef } from '@handoff/shared/runtime';
import type { FormProps } from './PlaybookForms.js';

export const ID = /^[a-z][a-z0-9_]{0,63}$/;
/** Stands for "a new entry" (or "not set") in a list of ids. */
export const NEW = '';
const KINDS = (['check', 'text', 'date', 'number', 'choice'] as const).map((k) => ({
  label: k,
  value: k,
}));
const BLANK: ChecklistItemDef = { id: '', label: '', kind: 'check', required: false };

export function ChecklistItemForm({ playbook, busy, apply }: FormProps) {
  const [listId, setListId] = useState(playbook.checklists[0]?.id ?? '');
  const [itemId, setItemId] = useState(NEW);
  const list = playbook.checklists.find((l) => l.id === listId);
  if (!list) return null;
  const existing = list.items.find((i) => i.id === itemId);
  return (
    <Flex direction="column" gap="sm">
      <Select
        label="Checklist"
        name="form-checklist"
        value={listId}
        options={playbook.checklists.map((l) => ({ label: l.label, value: l.id }))}
        onChange={(value) => {
          setListId(String(value));
          setItemId(NEW);
        }}
        testId="form-item-list"
      />
      <Select
        label="Item"
        name="form-item"
        value={itemId}
        options={[
          { label: 'A new item', value: NEW },
          ...list.items.map((i) => ({ label: i.label, value: i.id })),
        ]}
        onChange={(value) => setItemId(String(value))}
        testId="form-item-pick"
      />
      {/* Keyed by item: picking another one starts from its own settings. */}
      <ItemSettings
        key={`${listId}/${itemId}`}
        start={existing ?? BLANK}
        isNew={!existing}
        owners={Object.entries(playbook.roles).map(([id, r]) => ({ label: r.label, value: id }))}
        busy={busy}
        write={(item) =>
          apply(
            [{ kind: 'checklist_item', checklist: listId, item }],
            `Checklist item ${item.label}`,
          )
        }
      />
    </Flex>
  );
}

function ItemSettings(props: {
  start: ChecklistItemDef;
  isNew: boolean;
  owners: { label: string; value: string }[];
  busy: boolean;
  write: (item: ChecklistItemDef) => Promise<void>;
}) {
  const [item, setItem] = useState(props.start);
  const [options, setOptions] = useState((props.start.options ?? []).join(', '));
  // An update function: several changes can come before the next render.
  const set = (change: Partial<ChecklistItemDef>) => setItem((now) => ({ ...now, ...change }));
  const idOk = ID.test(item.id);
  const write = () => {
    const written: ChecklistItemDef = { ...item };
    if (!written.owner) delete written.owner;
    if (item.kind === 'choice')
      written.options = options
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== '');
    else delete written.options;
    void props.write(written);
  };
  return (
    <Flex direction="column" gap="sm">
      {props.isNew && (
        <Input
          label="Id (lower case, digits, _)"
          name="form-item-id"
          value={item.id}
          error={item.id !== '' && !idOk}
          validationMessage={item.id !== '' && !idOk ? 'Start with a letter: a–z, 0–9, _.' : ''}
          onInput={(value) => set({ id: value })}
          testId="form-item-id"
        />
      )}
      <Input
        label="Label"
        name="form-item-label"
        value={item.label}
        onInput={(value) => set({ label: value })}
        testId="form-item-label"
      />
      <Select
        label="Answered with"
        name="form-item-kind"
        value={item.kind}
        options={KINDS}
        onChange={(value) => set({ kind: value as ChecklistItemDef['kind'] })}
        testId="form-item-kind"
      />
      {item.kind === 'choice' && (
        <Input
          label="Answers to pick from (separated by commas)"
          name="form-item-options"
          value={options}
          onInput={setOptions}
          testId="form-item-options"
        />
      )}
      <Select
        label="Filled in by"
        name="form-item-owner"
        value={item.owner ?? NEW}
        options={[{ label: 'Anyone who may submit', value: NEW }, ...props.owners]}
        onChange={(value) => set({ owner: String(value) || undefined })}
        testId="form-item-owner"
      />
      <Checkbox
        name="form-item-required"
        checked={item.required}
        onChange={(checked) => set({ required: checked })}
        testId="form-item-required"
      >
        Required before the handoff can be submitted
      </Checkbox>
      <Button
        disabled={props.busy || !idOk || item.label.trim() === ''}
        onClick={write}
        testId="form-item-apply"
      >
        Write item
      </Button>
    </Flex>
  );
}

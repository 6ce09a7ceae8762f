// One checklist item, edited with the input its kind calls for. Items the viewer may not edit, and
// items that mirror a CRM field, show their value read-only. Text and numbers are sent when the
// person leaves the field, not on every keystroke.
import {
  Checkbox,
  DateInput,
  Flex,
  Input,
  NumberInput,
  Select,
  Text,
} from '@hubspot/ui-extensions';
import { formatDate, type ItemView } from '@handoff/shared/runtime';
import { fromCalendarDate, toCalendarDate } from './dates.js';

export type ItemValue = string | number | boolean | null;

export function ChecklistItem(props: {
  item: ItemView;
  disabled: boolean;
  testId: string;
  onSet: (value: ItemValue) => void;
}) {
  const { item } = props;
  if (!item.editable) return <ReadOnlyItem item={item} testId={props.testId} />;
  const name = `item-${item.id}`;
  const common = {
    label: item.label,
    name,
    required: item.required,
    readOnly: props.disabled,
    testId: props.testId,
    ...(item.help ? { description: item.help } : {}),
  };
  switch (item.kind) {
    case 'check':
      return (
        <Checkbox
          name={name}
          checked={item.value === true}
          readOnly={props.disabled}
          testId={props.testId}
          onChange={(checked) => props.onSet(checked)}
          {...(item.help ? { description: item.help } : {})}
        >
          {item.required ? `${item.label} (required)` : item.label}
        </Checkbox>
      );
    case 'text':
      return (
        <Input
          {...common}
          defaultValue={typeof item.value === 'string' ? item.value : ''}
          onBlur={(value) => {
            const next = value.trim() === '' ? null : value;
            if (next !== item.value) props.onSet(next);
          }}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          {...(typeof item.value === 'number' ? { defaultValue: item.value } : {})}
          onBlur={(value) => {
            if (value !== item.value) props.onSet(Number.isFinite(value) ? value : null);
          }}
        />
      );
    case 'date': {
      const value = toCalendarDate(item.value);
      return (
        <DateInput
          {...common}
          format="medium"
          {...(value ? { value } : {})}
          onChange={(picked) => props.onSet(picked ? fromCalendarDate(picked) : null)}
        />
      );
    }
    case 'choice':
      return (
        <Select
          {...common}
          {...(typeof item.value === 'string' ? { value: item.value } : {})}
          options={(item.options ?? []).map((o) => ({ label: o, value: o }))}
          onChange={(value) => props.onSet(String(value))}
        />
      );
  }
}

function ReadOnlyItem({ item, testId }: { item: ItemView; testId: string }) {
  const shown =
    item.value === null || item.value === ''
      ? 'Not answered'
      : typeof item.value === 'boolean'
        ? item.value
          ? 'Yes'
          : 'No'
        : item.kind === 'date'
          ? // A date bound to a CRM field arrives as an instant (UTC midnight), a typed one as text.
            formatDate(/^\d+$/.test(String(item.value)) ? Number(item.value) : String(item.value))
          : String(item.value);
  return (
    <Flex direction="column" gap="flush" testId={testId}>
      <Text format={{ fontWeight: 'demibold' }}>
        {item.required ? `${item.label} (required)` : item.label}
      </Text>
      <Text>{shown}</Text>
      {item.field && <Text variant="microcopy">From the deal record.</Text>}
    </Flex>
  );
}

// `@hubspot/ui-extensions` in the preview: the components the card and settings page use, as plain
// HTML, each implementing the documented props listed beside it (types from the real package).
// A component the package does not export fails the esbuild build; an unimplemented prop throws.
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type {
  AccordionProps,
  AlertProps,
  BoxProps,
  ButtonProps,
  CheckboxProps,
  DateInputProps,
  DescriptionListItemProps,
  DescriptionListProps,
  DividerProps,
  EmptyStateProps,
  ErrorStateProps,
  FlexProps,
  HeadingProps,
  InputProps,
  LoadingButtonProps,
  LoadingSpinnerProps,
  ModalProps,
  NumberInputProps,
  ProgressBarProps,
  Reactions,
  SelectProps,
  StatusTagProps,
  StepIndicatorProps,
  TableCellProps,
  TableHeaderProps,
  TableProps,
  TextAreaProps,
  TextProps,
  TileProps,
} from '@hubspot/ui-extensions';
import { checkProps, checkValue } from './props.js';

export { hubspot } from './hubspot.js';

type Kids = { children?: ReactNode };
const keys = <P,>(list: readonly (keyof P)[]) => list as readonly string[];
const GAP: Record<string, number> = {
  flush: 0,
  'extra-small': 4,
  xs: 4,
  small: 8,
  sm: 8,
  medium: 16,
  md: 16,
  large: 24,
  lg: 24,
  'extra-large': 32,
  xl: 32,
};
const gap = (g: unknown) => GAP[String(g ?? 'flush')] ?? 0;

// Modals opened by a Button's overlay; `reactions.closeModal(id)` closes the one with that id.
const closers = new Map<string, () => void>();
const reactions: Reactions = {
  openModal: () => undefined,
  closeModal: (id) => closers.get(id)?.(),
  openPanel: () => undefined,
  closePanel: () => undefined,
};
const CloseOverlay = createContext<() => void>(() => undefined);

export function Flex(props: FlexProps) {
  checkProps(
    'Flex',
    props,
    keys<FlexProps>(['direction', 'gap', 'align', 'justify', 'wrap', 'testId', 'alignSelf']),
  );
  return (
    <div
      data-testid={props.testId}
      style={{
        display: 'flex',
        flexDirection: props.direction === 'row' ? 'row' : 'column',
        gap: gap(props.gap),
        alignItems:
          props.align === 'end'
            ? 'flex-end'
            : props.align === 'center'
              ? 'center'
              : props.align === 'start'
                ? 'flex-start'
                : undefined,
        justifyContent: props.justify,
        flexWrap: props.wrap === 'wrap' || props.wrap === true ? 'wrap' : 'nowrap',
      }}
    >
      {props.children}
    </div>
  );
}

export function Box(props: BoxProps) {
  checkProps('Box', props, keys<BoxProps>(['flex', 'alignSelf']));
  const flex =
    props.flex === 'auto' || props.flex === undefined
      ? '1 1 auto'
      : typeof props.flex === 'number'
        ? `${props.flex} 1 0`
        : undefined;
  return <div style={{ flex, minWidth: 0 }}>{props.children}</div>;
}

export function Tile(props: TileProps) {
  checkProps('Tile', props, keys<TileProps>(['compact', 'flush', 'testId']));
  const classes = [
    'hs-tile',
    props.compact ? 'hs-tile-compact' : '',
    props.flush ? 'hs-tile-flush' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid={props.testId}>
      {props.children}
    </div>
  );
}

export function Text(props: TextProps) {
  checkProps('Text', props, keys<TextProps>(['format', 'variant', 'inline', 'testId']));
  checkValue('Text', 'variant', props.variant, ['bodytext', 'microcopy']);
  const format = (props.format ?? {}) as { fontWeight?: string; italic?: boolean };
  const Tag = props.inline ? 'span' : 'p';
  return (
    <Tag
      data-testid={props.testId}
      className={props.variant === 'microcopy' ? 'hs-text hs-micro' : 'hs-text'}
      style={{
        fontWeight:
          format.fontWeight === 'bold' ? 700 : format.fontWeight === 'demibold' ? 600 : undefined,
        fontStyle: format.italic ? 'italic' : undefined,
      }}
    >
      {props.children}
    </Tag>
  );
}

export function Heading(props: HeadingProps) {
  checkProps('Heading', props, keys<HeadingProps>(['inline', 'testId']));
  return (
    <h4 className="hs-heading" data-testid={props.testId}>
      {props.children}
    </h4>
  );
}

export function Divider(props: DividerProps) {
  checkProps('Divider', props, keys<DividerProps>(['distance', 'testId']));
  return <hr className="hs-divider" />;
}

const TAG_VARIANTS = ['default', 'danger', 'warning', 'success', 'info'];
export function StatusTag(props: StatusTagProps) {
  checkProps('StatusTag', props, keys<StatusTagProps>(['variant', 'testId', 'hollow']));
  checkValue('StatusTag', 'variant', props.variant, TAG_VARIANTS);
  return (
    <span className={`hs-tag hs-tag-${props.variant ?? 'default'}`} data-testid={props.testId}>
      {props.children}
    </span>
  );
}

export function Alert(props: AlertProps) {
  checkProps('Alert', props, keys<AlertProps>(['title', 'variant', 'testId']));
  checkValue('Alert', 'variant', props.variant, [
    'info',
    'warning',
    'success',
    'error',
    'danger',
    'tip',
  ]);
  return (
    <div
      role="alert"
      className={`hs-alert hs-alert-${props.variant ?? 'info'}`}
      data-testid={props.testId}
    >
      <strong>{props.title}</strong>
      <div>{props.children}</div>
    </div>
  );
}

export function EmptyState(props: EmptyStateProps) {
  checkProps(
    'EmptyState',
    props,
    keys<EmptyStateProps>([
      'title',
      'imageName',
      'testId',
      'layout',
      'flush',
      'reverseOrder',
      'imageWidth',
    ]),
  );
  return (
    <div className="hs-state" data-testid={props.testId}>
      <h3>{props.title}</h3>
      {props.children}
    </div>
  );
}

export function ErrorState(props: ErrorStateProps) {
  checkProps('ErrorState', props, keys<ErrorStateProps>(['title', 'type', 'testId']));
  return (
    <div className="hs-state hs-error" data-testid={props.testId}>
      <h3>{props.title}</h3>
      {props.children}
    </div>
  );
}

export function LoadingSpinner(props: LoadingSpinnerProps) {
  checkProps(
    'LoadingSpinner',
    props,
    keys<LoadingSpinnerProps>(['label', 'showLabel', 'layout', 'size', 'testId']),
  );
  return (
    <div className="hs-spinner" data-testid={props.testId} aria-busy="true">
      {props.showLabel ? props.label : null}
    </div>
  );
}

export function ProgressBar(props: ProgressBarProps) {
  checkProps(
    'ProgressBar',
    props,
    keys<ProgressBarProps>([
      'title',
      'value',
      'maxValue',
      'valueDescription',
      'variant',
      'showPercentage',
      'testId',
    ]),
  );
  const max = props.maxValue ?? 100;
  const pct = Math.round(((props.value ?? 0) / max) * 100);
  return (
    <div className="hs-progress" data-testid={props.testId}>
      <div className="hs-progress-title">{props.title}</div>
      <div
        className="hs-progress-track"
        role="progressbar"
        aria-label={String(props.title ?? props.valueDescription ?? 'Progress')}
        aria-valuenow={props.value}
        aria-valuemin={0}
        aria-valuemax={max}
      >
        <div
          className={`hs-progress-fill hs-progress-${props.variant ?? 'success'}`}
          style={{ width: `${pct}%` }}
        />
      </div>
      <div className="hs-micro">{props.valueDescription}</div>
    </div>
  );
}

export function StepIndicator(props: StepIndicatorProps) {
  checkProps(
    'StepIndicator',
    props,
    keys<StepIndicatorProps>([
      'stepNames',
      'currentStep',
      'variant',
      'direction',
      'circleSize',
      'onClick',
      'testId',
    ]),
  );
  return (
    <ol className="hs-steps" data-testid={props.testId}>
      {props.stepNames.map((name, i) => (
        <li
          key={name}
          className={
            i < (props.currentStep ?? 0) ? 'done' : i === props.currentStep ? 'current' : ''
          }
        >
          {name}
        </li>
      ))}
    </ol>
  );
}

export function Accordion(props: AccordionProps) {
  checkProps(
    'Accordion',
    props,
    keys<AccordionProps>(['title', 'defaultOpen', 'disabled', 'open', 'onClick', 'size', 'testId']),
  );
  return (
    <details className="hs-accordion" data-testid={props.testId} open={props.defaultOpen}>
      <summary>{props.title}</summary>
      {props.children}
    </details>
  );
}

export function DescriptionList(props: DescriptionListProps) {
  checkProps('DescriptionList', props, keys<DescriptionListProps>(['direction', 'testId']));
  return <dl className={`hs-dl hs-dl-${props.direction ?? 'column'}`}>{props.children}</dl>;
}

export function DescriptionListItem(props: DescriptionListItemProps) {
  checkProps('DescriptionListItem', props, keys<DescriptionListItemProps>(['label', 'testId']));
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

export function Table(props: TableProps) {
  checkProps('Table', props, keys<TableProps>(['bordered', 'flush', 'testId']));
  return (
    <table className="hs-table" data-testid={props.testId}>
      {props.children}
    </table>
  );
}
export const TableHead = (props: Kids) => <thead>{props.children}</thead>;
export const TableBody = (props: Kids) => <tbody>{props.children}</tbody>;
export const TableRow = (props: Kids) => <tr>{props.children}</tr>;
export function TableHeader(props: TableHeaderProps) {
  checkProps('TableHeader', props, keys<TableHeaderProps>(['width', 'align', 'testId']));
  return <th>{props.children}</th>;
}
export function TableCell(props: TableCellProps) {
  checkProps('TableCell', props, keys<TableCellProps>(['width', 'align', 'testId']));
  return <td>{props.children}</td>;
}

export function Button(props: ButtonProps) {
  checkProps(
    'Button',
    props,
    keys<ButtonProps>(['variant', 'disabled', 'onClick', 'overlay', 'size', 'type', 'testId']),
  );
  checkValue('Button', 'variant', props.variant, [
    'primary',
    'secondary',
    'destructive',
    'transparent',
  ]);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`hs-button hs-button-${props.variant ?? 'secondary'}`}
        disabled={props.disabled}
        data-testid={props.testId}
        onClick={(event) => {
          void props.onClick?.(
            { type: 'click', id: '', targetValue: '', ...({} as object) } as never,
            reactions,
          );
          if (props.overlay) setOpen(true);
          event.stopPropagation();
        }}
      >
        {props.children}
      </button>
      {open && (
        <CloseOverlay.Provider value={() => setOpen(false)}>{props.overlay}</CloseOverlay.Provider>
      )}
    </>
  );
}

// A button that shows it is working: disabled and busy while `loading` (the documented behaviour).
export function LoadingButton(props: LoadingButtonProps) {
  checkProps(
    'LoadingButton',
    props,
    keys<LoadingButtonProps>([
      'variant',
      'disabled',
      'onClick',
      'loading',
      'size',
      'type',
      'testId',
    ]),
  );
  checkValue('LoadingButton', 'variant', props.variant, ['primary', 'secondary', 'destructive']);
  return (
    <button
      type="button"
      className={`hs-button hs-button-${props.variant ?? 'secondary'}`}
      disabled={props.disabled || props.loading}
      aria-busy={props.loading ? true : undefined}
      data-testid={props.testId}
      onClick={(event) => {
        void props.onClick?.(
          { type: 'click', id: '', targetValue: '', ...({} as object) } as never,
          reactions,
        );
        event.stopPropagation();
      }}
    >
      {props.loading ? '… ' : ''}
      {props.children}
    </button>
  );
}

export function Modal(props: ModalProps) {
  checkProps(
    'Modal',
    props,
    keys<ModalProps>(['id', 'title', 'width', 'variant', 'onOpen', 'onClose', 'testId']),
  );
  const close = useContext(CloseOverlay);
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const done = () => {
      close();
      props.onClose?.();
    };
    closers.set(props.id, done);
    props.onOpen?.();
    // As HubSpot's modal does: focus moves into it, and back to what opened it when it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const body = dialog.current?.querySelector<HTMLElement>('.hs-modal-body') ?? null;
    (focusables(body)[0] ?? focusables(dialog.current)[0] ?? dialog.current)?.focus();
    return () => {
      closers.delete(props.id);
      if (opener?.isConnected) opener.focus();
    };
    // The modal registers once per opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Escape closes; Tab and Shift+Tab stay inside the dialog (a modal keeps the keyboard in it).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closers.get(props.id)?.();
      return;
    }
    if (event.key !== 'Tab') return;
    const list = focusables(dialog.current);
    const first = list[0];
    const last = list.at(-1);
    if (!first || !last) return event.preventDefault();
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="hs-modal-backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`hs-modal hs-modal-${props.width ?? 'md'}`}
        data-testid={props.testId}
        onKeyDown={onKeyDown}
      >
        <header className={props.variant === 'danger' ? 'danger' : ''}>
          <h2 id={titleId}>{props.title}</h2>
          <button type="button" aria-label="Close" onClick={() => closers.get(props.id)?.()}>
            ×
          </button>
        </header>
        {props.children}
      </div>
    </div>
  );
}

/** The elements Tab reaches inside `root`, in order. */
function focusables(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return Array.from(
    root.querySelectorAll<HTMLElement>(
      'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])',
    ),
  );
}
export const ModalBody = (props: Kids) => <div className="hs-modal-body">{props.children}</div>;
export const ModalFooter = (props: Kids) => (
  <footer className="hs-modal-footer">{props.children}</footer>
);

type FieldProps = {
  label?: unknown;
  required?: boolean;
  description?: string;
  error?: boolean;
  validationMessage?: string;
};
/** A controlled input when the card passes `value`, otherwise one that starts at `defaultValue`. */
const valueOf = <T,>(p: { value?: T; defaultValue?: T }) =>
  p.value !== undefined ? { value: p.value } : { defaultValue: p.defaultValue };

const fieldOf = (p: FieldProps) => ({
  label: typeof p.label === 'string' ? p.label : undefined,
  required: p.required,
  description: p.description,
  error: p.error,
  validationMessage: p.validationMessage,
});

function Field(props: {
  label?: string;
  required?: boolean;
  description?: string;
  error?: boolean;
  validationMessage?: string;
  children: ReactNode;
}) {
  return (
    <label className="hs-field">
      <span className="hs-label">
        {props.label}
        {props.required ? ' *' : ''}
      </span>
      {props.description && <span className="hs-micro">{props.description}</span>}
      {props.children}
      {props.error && props.validationMessage && (
        <span className="hs-invalid">{props.validationMessage}</span>
      )}
    </label>
  );
}

const FIELD = [
  'label',
  'name',
  'required',
  'readOnly',
  'description',
  'testId',
  'error',
  'validationMessage',
  'placeholder',
] as const;

export function Input(props: InputProps) {
  checkProps(
    'Input',
    props,
    keys<InputProps>([
      ...FIELD,
      'value',
      'defaultValue',
      'onChange',
      'onInput',
      'onBlur',
      'onFocus',
    ]),
  );
  return (
    <Field {...fieldOf(props)}>
      <input
        name={props.name}
        data-testid={props.testId}
        readOnly={props.readOnly}
        placeholder={props.placeholder}
        {...valueOf(props)}
        onChange={(e) => {
          props.onInput?.(e.target.value);
          props.onChange?.(e.target.value);
        }}
        onBlur={(e) => props.onBlur?.(e.target.value)}
      />
    </Field>
  );
}

export function NumberInput(props: NumberInputProps) {
  checkProps(
    'NumberInput',
    props,
    keys<NumberInputProps>([
      ...FIELD,
      'value',
      'defaultValue',
      'onChange',
      'onBlur',
      'onFocus',
      'min',
      'max',
      'precision',
    ]),
  );
  return (
    <Field {...fieldOf(props)}>
      <input
        type="number"
        name={props.name}
        data-testid={props.testId}
        readOnly={props.readOnly}
        {...valueOf(props)}
        onChange={(e) => props.onChange?.(e.target.valueAsNumber)}
        onBlur={(e) => props.onBlur?.(e.target.valueAsNumber)}
      />
    </Field>
  );
}

export function TextArea(props: TextAreaProps) {
  checkProps(
    'TextArea',
    props,
    keys<TextAreaProps>([
      ...FIELD,
      'value',
      'defaultValue',
      'onChange',
      'onInput',
      'onBlur',
      'onFocus',
      'rows',
      'cols',
      'resize',
      'maxLength',
    ]),
  );
  return (
    <Field {...fieldOf(props)}>
      <textarea
        name={props.name}
        data-testid={props.testId}
        rows={props.rows}
        maxLength={props.maxLength}
        readOnly={props.readOnly}
        style={{ resize: props.resize ?? 'vertical' }}
        {...valueOf(props)}
        onChange={(e) => {
          props.onInput?.(e.target.value);
          props.onChange?.(e.target.value);
        }}
        onBlur={(e) => props.onBlur?.(e.target.value)}
      />
    </Field>
  );
}

export function Select(props: SelectProps) {
  checkProps(
    'Select',
    props,
    keys<SelectProps>([...FIELD, 'value', 'options', 'onChange', 'variant']),
  );
  const options = props.options ?? [];
  return (
    <Field {...fieldOf(props)}>
      <select
        name={props.name}
        data-testid={props.testId}
        disabled={props.readOnly}
        value={props.value === undefined ? '' : String(props.value)}
        onChange={(e) => {
          const picked = options.find((o) => String(o.value) === e.target.value);
          (props.onChange as ((v: unknown) => void) | undefined)?.(picked?.value ?? e.target.value);
        }}
      >
        {(props.value === undefined || props.value === '') &&
          !options.some((o) => o.value === '') && (
            <option value="">{props.placeholder ?? 'Choose…'}</option>
          )}
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox(props: CheckboxProps) {
  checkProps(
    'Checkbox',
    props,
    keys<CheckboxProps>([
      'name',
      'checked',
      'initialIsChecked',
      'readOnly',
      'description',
      'onChange',
      'value',
      'variant',
      'inline',
      'testId',
    ]),
  );
  return (
    <label className="hs-check">
      <input
        type="checkbox"
        name={props.name}
        data-testid={props.testId}
        checked={props.checked}
        disabled={props.readOnly}
        onChange={(e) => props.onChange?.(e.target.checked, props.value ?? '')}
      />
      <span>{props.children}</span>
      {props.description && <span className="hs-micro">{props.description}</span>}
    </label>
  );
}

export function DateInput(props: DateInputProps) {
  checkProps(
    'DateInput',
    props,
    keys<DateInputProps>([
      ...FIELD.filter((f) => f !== 'placeholder'),
      'value',
      'defaultValue',
      'onChange',
      'onBlur',
      'onFocus',
      'format',
      'min',
      'max',
      'timezone',
      'clearButtonLabel',
      'todayButtonLabel',
    ]),
  );
  const v = props.value as { year: number; month: number; date: number } | undefined | null;
  const iso = v
    ? `${v.year}-${String(v.month + 1).padStart(2, '0')}-${String(v.date).padStart(2, '0')}`
    : '';
  return (
    <Field {...fieldOf(props)}>
      <input
        type="date"
        name={props.name}
        data-testid={props.testId}
        readOnly={props.readOnly}
        value={iso}
        onChange={(e) => {
          const [y, m, d] = e.target.value.split('-').map(Number);
          (props.onChange as ((v: unknown) => void) | undefined)?.(
            e.target.value === '' ? null : { year: y, month: (m ?? 1) - 1, date: d },
          );
        }}
      />
    </Field>
  );
}
export { BarChart, LineChart, Link } from './extras.js';

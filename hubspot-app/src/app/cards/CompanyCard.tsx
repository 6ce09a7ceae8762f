// On a company: first the company's own handoff (CS → sales expansion) with the same stages,
// timers and HandoffSection as every record, so CS sees what to do next and by when; then one row
// per handoff of its deals (deal, handoff, status, the most urgent timer), each opening that deal's
// record, where the full card is; the most urgent first, then how many more.
import { useCallback, useEffect, useState } from 'react';
import {
  Divider,
  EmptyState,
  Flex,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import type { CompanyView, RecordView, TimerView } from '@handoff/shared/runtime';
import type { HandoffClient, Problem } from './client.js';
import { HANDOFF_STATUS, TIMER_STATE, timerDetail } from './format.js';
import { PlaybookFooter } from './PlaybookFooter.js';
import { RecordActions } from './RecordCard.js';
import { Loading, ProblemState } from './states.js';

const DEAL_OBJECT_TYPE_ID = '0-3';
const URGENCY: TimerView['state'][] = [
  'breached',
  'at_risk',
  'running',
  'paused',
  'pending',
  'met_late',
  'met',
];

export function CompanyCard(props: {
  client: HandoffClient;
  companyId: string;
  timeZone: string;
  newActionId: () => string;
}) {
  const { client, companyId } = props;
  const [company, setCompany] = useState<CompanyView | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();

  const load = useCallback(async () => {
    setProblem(undefined);
    const answer = await client.companyView(companyId);
    if (answer.ok) setCompany(answer.value);
    else setProblem(answer.problem);
  }, [client, companyId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (problem) return <ProblemState problem={problem} onRetry={() => void load()} />;
  if (!company) return <Loading what="this company's handoffs" />;
  // The company's own view acts on the company; its answers replace that part only.
  const own = company.company ? (
    <RecordActions
      client={client}
      objectType="companies"
      recordId={companyId}
      timeZone={props.timeZone}
      assignees={[]}
      newActionId={props.newActionId}
      view={company.company}
      onView={(view) => setCompany({ ...company, company: view })}
      reload={load}
    />
  ) : company.companyNote ? (
    <Text variant="microcopy" testId="company-note">
      {company.companyNote}
    </Text>
  ) : null;
  const rows = company.deals.flatMap((deal) => deal.handoffs.map((handoff) => ({ deal, handoff })));
  // The server lists a company's most urgent deals only (hubspot.fetch answers at most 1 MB).
  const more = company.more ? (
    <Text variant="microcopy" testId="more-deals">
      {`And ${company.more.atLeast ? 'at least ' : ''}${company.more.deals.toLocaleString('en-US')} more ${company.more.deals === 1 ? 'deal' : 'deals'} of this company; open a deal to see its handoffs.`}
    </Text>
  ) : null;
  if (rows.length === 0 && !more) {
    const none = (
      <EmptyState title="No deal handoffs yet" imageName="deals" testId="no-company-handoffs">
        <Text>None of this company&apos;s deals has reached a stage that opens a handoff.</Text>
      </EmptyState>
    );
    return own ? (
      <Flex direction="column" gap="md">
        {own}
        <Divider />
        {none}
      </Flex>
    ) : (
      none
    );
  }
  return (
    <Flex direction="column" gap="md">
      {own}
      {own && <Divider />}
      <Table bordered testId="company-handoffs">
        <TableHead>
          <TableRow>
            <TableHeader>Deal</TableHeader>
            <TableHeader>Handoff</TableHeader>
            <TableHeader>Status</TableHeader>
            <TableHeader>Timer</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ deal, handoff }) => {
            const status = HANDOFF_STATUS[handoff.status] ?? {
              label: handoff.status,
              variant: 'default',
            };
            const timer = mostUrgent(deal);
            return (
              <TableRow key={`${deal.record.recordId}-${handoff.id}`}>
                <TableCell>
                  <CrmActionLink
                    actionType="RECORD_APP_LINK"
                    actionContext={{
                      objectTypeId: DEAL_OBJECT_TYPE_ID,
                      objectId: Number(deal.record.recordId),
                    }}
                    testId={`open-deal-${deal.record.recordId}-${handoff.id}`}
                  >
                    {`${company.dealNames?.[deal.record.recordId] || `Deal ${deal.record.recordId}`} · ${deal.currentStage?.label ?? 'no stage'}`}
                  </CrmActionLink>
                </TableCell>
                <TableCell>{handoff.label}</TableCell>
                <TableCell>
                  <StatusTag variant={status.variant}>{status.label}</StatusTag>
                </TableCell>
                <TableCell>
                  {timer ? (
                    <Text>
                      <StatusTag variant={TIMER_STATE[timer.state].variant}>
                        {TIMER_STATE[timer.state].label}
                      </StatusTag>
                      {` ${timer.label}: ${timerDetail(timer, props.timeZone)}`}
                    </Text>
                  ) : (
                    <Text variant="microcopy">No timer</Text>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {more}
      {!company.company && company.deals[0] && (
        <PlaybookFooter playbook={company.deals[0].playbook} />
      )}
    </Flex>
  );
}

function mostUrgent(deal: RecordView): TimerView | undefined {
  return [...deal.timers].sort((a, b) => URGENCY.indexOf(a.state) - URGENCY.indexOf(b.state))[0];
}

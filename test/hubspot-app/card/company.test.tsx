import { describe, expect, it } from 'vitest';
import { EmptyState, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { deal, handoffState, rep } from '../../shared/builders.js';
import { defaultPlaybook } from '../../shared/fixtures.js';
import { fakeClient, ok, renderCard, screenText } from './harness.js';
import { NOW } from './views.js';

describe('the card on a company', () => {
  it("when the company's deals have handoffs, then each is a row opening its deal", async () => {
    const won = evaluateRecord(defaultPlaybook(), deal({ recordId: '101' }), rep, NOW);
    const early = evaluateRecord(
      defaultPlaybook(),
      deal({
        recordId: '102',
        stage: 'qualified',
        stageHistory: [{ stage: 'qualified', enteredAt: NOW - 60_000 }],
        // Created past the SDR's stage, so its SDR → AE handoff shows only because someone began it.
        handoffs: { sdr_to_ae: handoffState('in_progress', { items: {} }) },
      }),
      rep,
      NOW,
    );
    const client = fakeClient(
      ok({ deals: [won, early], dealNames: { '101': 'Acme renewal', '102': 'Globex pilot' } }),
    );
    const card = renderCard(client, { objectType: 'companies', objectId: '9' });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(Table, 'company-handoffs')).not.toBeNull(),
    );
    expect(client.companyView).toHaveBeenCalledWith('9');
    const rows = card.findAll(TableRow).slice(1);
    expect(rows).toHaveLength(won.handoffs.length + early.handoffs.length);
    const link = card.findByTestId(CrmActionLink, 'open-deal-101-sales_to_cs');
    expect(link.props.actionType).toBe('RECORD_APP_LINK');
    expect(link.props.actionContext).toEqual({ objectTypeId: '0-3', objectId: 101 });
    const text = screenText(card);
    // Each deal by its name, then its stage: what a CS manager recognises.
    expect(text).toContain('Acme renewal · Closed won');
    expect(text).toContain('Globex pilot · Qualified to buy');
    expect(text).toContain('Sales → CS');
    expect(text).toContain('Rep submits the CS handoff: Due Nov 24, 2026, 10:00 AM');
    // No SDR clock ever ran on a deal that was never at the SDR's stage.
    expect(text).toContain('No timer');
  });

  it('when no deal has a handoff, then an empty state says so', async () => {
    const card = renderCard(fakeClient(ok({ deals: [] })), {
      objectType: 'companies',
      objectId: '9',
    });
    await card.waitFor(() =>
      expect(card.maybeFindByTestId(EmptyState, 'no-company-handoffs')).not.toBeNull(),
    );
  });

  it('when the server lists only the most urgent deals, then the card says how many more there are', async () => {
    const won = evaluateRecord(defaultPlaybook(), deal({ recordId: '101' }), rep, NOW);
    const card = renderCard(
      fakeClient(ok({ deals: [won], more: { deals: 4999, atLeast: false } })),
      {
        objectType: 'companies',
        objectId: '9',
      },
    );
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'more-deals')).not.toBeNull());
    expect(card.findByTestId(Text, 'more-deals').text).toBe(
      'And 4,999 more deals of this company; open a deal to see its handoffs.',
    );
  });
});

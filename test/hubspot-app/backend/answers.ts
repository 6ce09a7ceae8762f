// A rep's complete answers to the default playbook's Sales → CS checklist (the items a person types;
// contract start and ARR come from the deal).
export const CS_CHECKLIST_ANSWERS: Readonly<Record<string, string>> = {
  customer_goals: 'Halve onboarding time',
  promises: 'Quarterly reviews',
  champion: 'Dana Lee',
  executive_sponsor: 'Sam Ortiz',
  renewal_date: '2027-12-01',
  implementation: 'SSO',
  complexity: 'Medium',
  kickoff_date: '2026-12-03',
};

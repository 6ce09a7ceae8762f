// The portal's people: owners in HubSpot teams, which the playbook maps to Handoff roles.
export type RoleName = 'sales_rep' | 'cs_manager' | 'admin' | 'sdr' | 'marketing' | 'none';

export interface PersonSeed {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  team: string;
  role: RoleName;
}

const person = (
  key: string,
  firstName: string,
  lastName: string,
  team: string,
  role: RoleName,
): PersonSeed => ({
  key,
  firstName,
  lastName,
  email: `${firstName.toLowerCase()}@handoff-demo.example`,
  team,
  role,
});

/**
 * 4 sales reps, 2 CS managers, 1 admin, an SDR and a marketer (the marketing → sales seam on
 * contacts), and one person in no mapped team (the "no role" viewer).
 */
export const PEOPLE: readonly PersonSeed[] = [
  person('rep1', 'Ada', 'Park', 'Sales', 'sales_rep'),
  person('rep2', 'Ben', 'Okafor', 'Sales', 'sales_rep'),
  person('rep3', 'Chloe', 'Martin', 'Sales', 'sales_rep'),
  person('rep4', 'Dev', 'Shah', 'Sales', 'sales_rep'),
  person('cs1', 'Eva', 'Lindqvist', 'Customer Success', 'cs_manager'),
  person('cs2', 'Farid', 'Haddad', 'Customer Success', 'cs_manager'),
  person('admin', 'Grace', 'Ito', 'RevOps', 'admin'),
  person('sdr1', 'Iris', 'Novak', 'SDR', 'sdr'),
  person('mkt1', 'Jonas', 'Weber', 'Marketing', 'marketing'),
  person('guest', 'Hugo', 'Blanc', 'Finance', 'none'),
];

export const REPS = PEOPLE.filter((p) => p.role === 'sales_rep').map((p) => p.key);

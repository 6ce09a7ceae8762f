// Which HubSpot teams hold a role, as a form (see PlaybookForms).
import { useState } from 'react';
import { Button, Flex, Input, Select } from '@hubspot/ui-extensions';
import type { FormProps } from './PlaybookForms.js';

export function RoleTeamsForm({ playbook, busy, apply }: FormProps) {
  const roles = Object.entries(playbook.roles);
  const [roleId, setRoleId] = useState(roles[0]?.[0] ?? '');
  const role = playbook.roles[roleId];
  const [teams, setTeams] = useState((role?.hubspotTeams ?? []).join(', '));
  if (!role) return null;
  const list = teams
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return (
    <Flex direction="column" gap="sm">
      <Select
        label="Role"
        name="form-role"
        value={roleId}
        options={roles.map(([id, r]) => ({ label: r.label, value: id }))}
        onChange={(value) => {
          setRoleId(String(value));
          setTeams((playbook.roles[String(value)]?.hubspotTeams ?? []).join(', '));
        }}
        testId="form-role-pick"
      />
      <Input
        label="HubSpot teams (names or ids, separated by commas)"
        name="form-role-teams"
        value={teams}
        description="Members of these teams hold the role. No team: nobody holds it."
        onInput={(value) => setTeams(value)}
        testId="form-role-teams"
      />
      <Button
        disabled={busy}
        onClick={() =>
          void apply([{ kind: 'role_teams', role: roleId, teams: list }], `${role.label}: teams`)
        }
        testId="form-role-apply"
      >
        Write teams
      </Button>
    </Flex>
  );
}

// Which HubSpot teams hold which Handoff role, as the playbook says. Edited in the playbook's
// `roles` (each role's `hubspotTeams`), so the mapping is versioned with everything else.
import {
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { Playbook } from '@handoff/shared/runtime';

export function RoleMap({ playbook }: { playbook: Playbook }) {
  return (
    <>
      <Heading>Roles and HubSpot teams</Heading>
      <Text variant="microcopy">
        A person holds a role when they belong to one of its teams. Admins change it with the form
        above or in the text (hubspotTeams), then save.
      </Text>
      <Table bordered testId="role-map">
        <TableHead>
          <TableRow>
            <TableHeader>Role</TableHeader>
            <TableHeader>HubSpot teams</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.entries(playbook.roles).map(([id, role]) => (
            <TableRow key={id}>
              <TableCell>{`${role.label} (${id})`}</TableCell>
              <TableCell>
                {role.hubspotTeams?.length
                  ? role.hubspotTeams.join(', ')
                  : 'No team: nobody holds this role'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

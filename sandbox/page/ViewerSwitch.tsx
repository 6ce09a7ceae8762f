// Whose eyes the card is seen through: the backend resolves the role from the person's HubSpot team.
import type { Person } from './api.js';

const ROLE_LABEL: Record<string, string> = {
  sales_rep: 'Sales rep',
  cs_manager: 'CS manager',
  admin: 'Admin',
  none: 'No role',
};

export function ViewerSwitch(props: {
  people: Person[];
  viewer: string;
  onChange: (userId: string) => void;
}) {
  return (
    <label className="control">
      <span>Viewing as</span>
      <select
        data-testid="viewer"
        value={props.viewer}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.people.map((p) => (
          <option
            key={p.userId}
            value={p.userId}
          >{`${p.name} — ${ROLE_LABEL[p.role] ?? p.role} (${p.team})`}</option>
        ))}
      </select>
    </label>
  );
}

import { ROLES } from "@/lib/domain/enums";
import { ROLE_LABELS } from "./format";

export function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}

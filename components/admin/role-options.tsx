import { ROLES } from "@/db/schema";
import { ROLE_LABELS } from "./format";

export function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}

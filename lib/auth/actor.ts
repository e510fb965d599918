import type { Role } from "@/lib/domain/enums";

/** The signed-in caller, as every service receives it. */
export type Actor = {
  id: number;
  email: string;
  fullName: string;
  role: Role;
};

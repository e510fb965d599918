import { users } from "@/db/schema";
import type { PublicUserDto, UserDto } from "@/lib/validation/users";

/** The columns every user read selects: never the password hash. */
export const userColumns = {
  id: users.id,
  email: users.email,
  fullName: users.fullName,
  role: users.role,
  isActive: users.isActive,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  lastLoginAt: users.lastLoginAt,
  lockedUntil: users.lockedUntil,
};

export type UserColumns = {
  id: number;
  email: string;
  fullName: string;
  role: UserDto["role"];
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
  lockedUntil: Date | null;
};

export function toUserDto(row: UserColumns): UserDto {
  // A lock that has run out is no lock: the next sign-in is let in.
  const locked = row.lockedUntil !== null && row.lockedUntil.getTime() > Date.now();
  return {
    id: row.id,
    email: row.email,
    full_name: row.fullName,
    role: row.role,
    is_active: row.isActive,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    last_login_at: row.lastLoginAt?.toISOString() ?? null,
    locked_until: locked ? row.lockedUntil!.toISOString() : null,
  };
}

export function toPublicUser(row: Pick<UserColumns, "id" | "email" | "fullName" | "role">) {
  return {
    id: row.id,
    email: row.email,
    full_name: row.fullName,
    role: row.role,
  } satisfies PublicUserDto;
}

import type { Role } from "@/lib/domain/enums";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
    /** The browser sign-in's family (lib/services/browser-sessions.ts). */
    signInId: string;
  }
  interface Session {
    user: {
      id: number;
      email: string;
      name: string;
      role: Role;
      sessionVersion: number;
      signInId: string;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The user's session version at sign-in; a bump on the row ends this session. */
    sv?: number;
    /** The sign-in's family: signing out revokes it, and the cookie with it. */
    fid?: string;
  }
}

export const staffRoles = [
  'sales',
  'script-owner',
  'aftersales',
  'supervisor',
  'manager',
  'gm',
  'legal',
  'admin',
] as const;
export type StaffRole = (typeof staffRoles)[number];
export type Role = StaffRole | 'buyer';

/** Who is calling: a staff member, or a buyer whose token is scoped to one signing session. */
export type Principal = { role: StaffRole; sub: string } | { role: 'buyer'; sub: string; sessionId: string };

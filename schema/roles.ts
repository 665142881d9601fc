import { z } from 'zod';

/** Roles (docs/rules.md, "Roles"). A user may hold several. */
export const RoleSchema = z.enum([
  'case_officer', // 办案人员
  'complaint_handler', // 投诉举报受理
  'legal_reviewer', // 法制审核人员
  'agency_head', // 负责人
  'principal_head', // 正职负责人或者主持工作的负责人: decides criminal transfers (移送涉嫌犯罪案件的规定第五条)
  'supervisor', // 督查督办
  'administrator', // 系统管理员
]);
export type Role = z.infer<typeof RoleSchema>;

/** The acting user as the API resolved it from the session (never from what the client asserts). */
export const ActorSchema = z.object({
  id: z.string().min(1),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  unitId: z.string().min(1),
});
export type Actor = z.infer<typeof ActorSchema>;

export const SYSTEM_ACTOR: Actor = { id: 'system', displayName: '系统 system', roles: [], unitId: '' };

// Demo units and users for the embedded default and the tests. Idempotent: existing rows are left as they are.
import { hashPassword } from '../api/auth/passwords.js';
import type { Db } from '../platform/db.js';
import type { Role } from '../schema/roles.js';

export const DEMO_PASSWORD = 'tiean-demo-2026';

export const DEMO_UNITS = [
  { id: 'prv', code: 'DEMO-PRV', name: '演示省市场监督管理局', parentId: null },
  { id: 'city', code: 'DEMO-CITY', name: '演示市市场监督管理局', parentId: 'prv' },
  { id: 'dc', code: 'DC', name: '演示市东城区市场监督管理局', parentId: 'city' },
  { id: 'dc-cg', code: 'DC-CG', name: '东城区市场监督管理局城关市场监管所', parentId: 'dc' },
] as const;

export const DEMO_USERS: {
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  /** 执法证号: only certified officers may investigate (APL 42). */
  certificateNo?: string;
  /** 法律职业资格: may do legal review (APL 58). */
  legalQualified?: boolean;
}[] = [
  {
    username: 'officer1',
    displayName: '王敏',
    roles: ['case_officer'],
    unitId: 'dc',
    certificateNo: 'DC-ZF-0001',
  },
  {
    username: 'officer2',
    displayName: '李强',
    roles: ['case_officer'],
    unitId: 'dc',
    certificateNo: 'DC-ZF-0002',
  },
  // A new officer whose certificate is still pending: may not take part in investigation steps.
  { username: 'officer3', displayName: '孙新', roles: ['case_officer'], unitId: 'dc' },
  { username: 'intake1', displayName: '陈静', roles: ['complaint_handler'], unitId: 'dc' },
  {
    username: 'reviewer1',
    displayName: '周法',
    roles: ['legal_reviewer'],
    unitId: 'dc',
    legalQualified: true,
  },
  // A reviewer without the legal professional qualification: case review and hearings, not legal review.
  { username: 'reviewer2', displayName: '吴审', roles: ['legal_reviewer'], unitId: 'dc' },
  // The bureau's director: an agency head and its principal head (正职负责人), who decides criminal transfers.
  { username: 'head1', displayName: '张建国', roles: ['agency_head', 'principal_head'], unitId: 'dc' },
  // A deputy head: with head1, the collective discussion of the bureau's heads.
  { username: 'head2', displayName: '刘副局', roles: ['agency_head'], unitId: 'dc' },
  { username: 'supervisor1', displayName: '赵督', roles: ['supervisor'], unitId: 'dc' },
  { username: 'citysup', displayName: '钱督', roles: ['supervisor'], unitId: 'city' },
  { username: 'cityhead', displayName: '孙局', roles: ['agency_head'], unitId: 'city' },
  {
    username: 'officer-cg',
    displayName: '刘所',
    roles: ['case_officer'],
    unitId: 'dc-cg',
    certificateNo: 'CG-ZF-0001',
  },
  { username: 'admin', displayName: '系统管理员', roles: ['administrator'], unitId: 'prv' },
];

export const demoEmail = (username: string) => `${username}@demo.tiean.local`;

export async function seedDemo(db: Db): Promise<{ units: number; users: number }> {
  let units = 0;
  let users = 0;
  for (const u of DEMO_UNITS) {
    const r = await db.unit.createMany({ data: [{ ...u }], skipDuplicates: true });
    units += r.count;
  }
  const existing = new Set((await db.user.findMany({ select: { username: true } })).map((u) => u.username));
  for (const u of DEMO_USERS) {
    if (existing.has(u.username)) {
      // Demo certificates added since the user was seeded.
      if (u.certificateNo)
        await db.user.updateMany({
          where: { username: u.username, certificateNo: null },
          data: { certificateNo: u.certificateNo },
        });
      if (u.legalQualified)
        await db.user.updateMany({
          where: { username: u.username, legalQualified: false },
          data: { legalQualified: true },
        });
      continue;
    }
    const r = await db.user.createMany({
      data: [
        {
          id: u.username,
          ...u,
          email: demoEmail(u.username),
          passwordHash: await hashPassword(DEMO_PASSWORD),
        },
      ],
      skipDuplicates: true,
    });
    users += r.count;
  }
  return { units, users };
}

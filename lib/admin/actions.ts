'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/http/form-action';
import { setRole } from './roles';
import { roleChangeSchema } from './schemas';

/** The confirmed role change (admins only); back to the user list, which says what changed. */
export const changeRoleAction = formAction({
  schema: roleChangeSchema,
  role: 'admin',
  async run({ userId, role }, { locale }) {
    setRole({ userId, role });
    redirect(`/${locale}/admin/users?changed=${encodeURIComponent(userId)}`);
  },
});

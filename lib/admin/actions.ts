'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/http/form-action';
import { setRole } from './roles';
import { roleChangeSchema, userListHref } from './schemas';

/** The confirmed role change (admins only); back to the user list as it was filtered, which says what changed. */
export const changeRoleAction = formAction({
  schema: roleChangeSchema,
  role: 'admin',
  async run({ userId, role, q, page }, { locale }) {
    await setRole({ userId, role });
    redirect(userListHref(locale, { q, page }, { changed: userId }));
  },
});

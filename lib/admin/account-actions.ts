'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { findUserById } from '@/db/users';
import { deleteAccount } from '@/lib/account/profile';
import { AppError } from '@/lib/http/errors';
import { formAction } from '@/lib/http/form-action';

const deleteLearnerSchema = z.object({ locale: z.string(), userId: z.string().min(1).max(100), confirm: z.literal('yes', { error: 'confirmRequired' }) });

/**
 * An admin deletes a learner's account, as the learner could: personal data
 * gone, certificates still verifiable. Only learners: an editor or admin is
 * first made a learner (which keeps the last-admin rule in one place).
 */
export const deleteLearnerAction = formAction({
  schema: deleteLearnerSchema,
  role: 'admin',
  async run({ userId }, { locale, t }) {
    const learner = await findUserById({ id: userId });
    if (!learner) throw new AppError('notFound');
    if (learner.role !== 'learner') return { status: 'error', message: t('admin.learnerData.notLearner') };
    await deleteAccount(learner);
    redirect(`/${locale}/admin/learners?deleted=1`);
  },
});

export const trainingErrors = {
  'training.not_found': 404,
  'training.module_not_found': 404,
  'training.trainer_not_found': 404,
  'training.person_not_found': 400,
  'training.already_trainer': 409,
  'training.not_tot': 409,
  'training.not_completed': 409,
  'training.already_certified': 409,
  'training.teach_back_required': 400,
} as const;

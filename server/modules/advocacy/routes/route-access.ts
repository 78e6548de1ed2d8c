// What every advocacy route declares: its group in the API description and
// who may call it.
export const tags = ['advocacy'];
export const read = { auth: 'tenant' as const, permission: 'advocacy.read' };
export const manage = { auth: 'tenant' as const, permission: 'advocacy.manage' };
export const approve = { auth: 'tenant' as const, permission: 'advocacy.approve' };

// The label of an audit action is shared with the server's download of the log.
export { auditActionLabel } from '../../contracts/audit.js';

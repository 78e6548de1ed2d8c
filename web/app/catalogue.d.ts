// The parts of the message catalogue the build makes (scripts/catalogue-parts.ts).
declare module 'virtual:catalogue/*' {
  type Messages = { [key: string]: string | Messages };
  const messages: Messages;
  export default messages;
}

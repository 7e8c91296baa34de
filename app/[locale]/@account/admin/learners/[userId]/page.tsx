// Server-rendered page: the header's account menu from the session (see ../../../session-slot.tsx).
export { SessionAccountSlot as default } from '../../../session-slot';

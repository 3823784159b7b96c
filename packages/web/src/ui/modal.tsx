import type { ReactNode } from "react";
import { Modal as AriaModal, Dialog, Heading, ModalOverlay } from "react-aria-components";

/** A centred dialog (a sheet on phones). React Aria traps focus, restores it, and closes on Escape. */
export function Modal(props: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <ModalOverlay className="modal-overlay" isDismissable isOpen={props.isOpen} onOpenChange={props.onOpenChange}>
      <AriaModal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {props.title}
          </Heading>
          {props.children}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}

-- A follow-up question reads the chat's latest question.
CREATE INDEX button_question_by_chat ON button_question (chat_id, id);

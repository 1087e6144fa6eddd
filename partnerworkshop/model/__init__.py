"""The session and questionnaire model: plain Python and pydantic, no Qt."""

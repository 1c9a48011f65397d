"""Pure-Python rules of the desk (DOMAIN.md): no Qt, no SQL, easy to test."""

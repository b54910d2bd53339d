"""Files made for other people and other tools (``selfaudit export``): each renderer writes the
content a view already holds, or a session's shareable form, in one format; none computes a
figure."""

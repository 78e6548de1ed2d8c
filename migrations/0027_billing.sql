-- Reserved; replaced by the change that needs it, removed if unused.
SELECT 1;

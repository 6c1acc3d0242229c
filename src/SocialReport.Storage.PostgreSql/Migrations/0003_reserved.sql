-- Reserved for the readers-follow branch's 0003, so that 0004 follows without a gap; that branch's file replaces this one.
SELECT 1;

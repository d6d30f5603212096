-- CreateTable
CREATE TABLE "DriftCheckpoint" (
    "serverId" UUID NOT NULL,
    "state" BYTEA NOT NULL,
    "reportedUpTo" BIGINT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriftCheckpoint_pkey" PRIMARY KEY ("serverId")
);

-- AddForeignKey
ALTER TABLE "DriftCheckpoint" ADD CONSTRAINT "DriftCheckpoint_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

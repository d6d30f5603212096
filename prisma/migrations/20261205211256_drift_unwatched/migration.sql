-- AlterTable
ALTER TABLE "Database" ADD COLUMN     "unwatchedReason" TEXT,
ADD COLUMN     "unwatchedSince" TIMESTAMP(3);

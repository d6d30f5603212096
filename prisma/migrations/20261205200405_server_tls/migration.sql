-- CreateEnum
CREATE TYPE "SslMode" AS ENUM ('DISABLE', 'REQUIRE', 'VERIFY_CA', 'VERIFY_FULL');

-- AlterTable
ALTER TABLE "Server" ADD COLUMN     "caCertificate" TEXT,
ADD COLUMN     "sslMode" "SslMode" NOT NULL DEFAULT 'DISABLE';

-- AlterEnum
ALTER TYPE "InvitationStatus" ADD VALUE 'DECLINED';
